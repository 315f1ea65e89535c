"""Qt widgets. Everything that touches Qt lives under here."""
