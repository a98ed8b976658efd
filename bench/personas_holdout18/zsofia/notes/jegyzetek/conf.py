# Configuration file for the Sphinx documentation builder.
# Zsófi személyes jegyzetei -- only built locally, never published.

project = 'Zsófi jegyzetei'
author = 'Kertész Zsófia'
copyright = '2026, Kertész Zsófia'
language = 'hu'

extensions = ['sphinx.ext.todo']
todo_include_todos = True
html_theme = 'alabaster'
exclude_patterns = ['_build', 'Thumbs.db', '.DS_Store']
