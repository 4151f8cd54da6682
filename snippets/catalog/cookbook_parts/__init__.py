"""The records of snippets/catalog/cookbook.py, one module per stretch of the book's chapter 2."""
