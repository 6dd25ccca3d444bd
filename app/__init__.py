"""Use cases of IAD Online Workshops: services, settings, database location, command line. No Qt."""
