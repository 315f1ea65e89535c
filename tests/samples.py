"""Small, valid files shared by tests."""

# One stage, one reading item: the smallest learning path a user could import.
SMALL_PATH = """format = 1
id = "mine"
title = "My path"
role = "Me"

[[stages]]
id = "s"
title = "Warm-up"

[[stages.items]]
id = "a"
title = "Drill A"
kind = "reading"
difficulty = "easy"
target_minutes = 10
topics = ["x"]
"""
