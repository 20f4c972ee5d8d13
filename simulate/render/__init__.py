"""Text and JSON rendering of outcomes and grids for the command line."""
