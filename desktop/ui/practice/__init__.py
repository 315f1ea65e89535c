"""Practice sessions: the timer, logging the outcome, the in-app quiz, and the log itself."""
