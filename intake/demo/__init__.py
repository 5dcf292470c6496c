"""The made-up practice for demos, tests and benchmarks: built in memory (practice, intakes),
bulk-loaded into an empty database (data). Nothing here runs for a real practice."""
