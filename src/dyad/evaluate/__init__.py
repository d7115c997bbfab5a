"""`dyad eval`: scoring the coder against the external validation suites."""
