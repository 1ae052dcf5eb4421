"""The process map editor: a canvas over one process map, its page, and image rendering."""
