"""Small helpers shared by the test modules (import as ``from helpers.x import y``)."""
