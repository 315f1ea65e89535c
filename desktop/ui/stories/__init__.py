"""The STAR story bank: write, tag, check coverage, prepare a loop, rehearse, export."""
