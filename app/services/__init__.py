"""Use cases: services take a Session and an Actor, validate, flush; the caller commits."""
