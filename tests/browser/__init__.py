"""End-to-end tests in headless Chromium (JupyterLab and the Voila app)."""
