"""anima's face: the Textual chat app."""
