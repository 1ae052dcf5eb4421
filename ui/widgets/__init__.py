"""Widgets shared by the pages: the generic entity table, its delegates, form bindings, charts."""
