"""Figures a center reports (coverage, outcomes, workload, the annual report), computed in plain Python from
the records themselves, so a laptop (from its encrypted store) and the center's server (from its records)
compute the same numbers with the same code. No Qt, no database here: see ``facts.SchoolFacts``."""
