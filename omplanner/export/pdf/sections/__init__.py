"""One module per chapter of the board pack; each returns a list of flowables."""
