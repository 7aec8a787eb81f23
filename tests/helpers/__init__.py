"""Small helpers shared by the test modules (``from helpers.x import y`` in a test;
``from tests.helpers.x import y`` where a benchmark imports the module too)."""
