"""Deterministic synthetic demo data: a school, its staff and N students with three years of history.

Used by ``jiafang demo`` (desktop) and, later, the server's demo command; it depends on
``sync.records`` only.  Everything is synthetic: names are assembled from character banks, ID numbers
are checksum-valid fakes, phone numbers are random.  ``sync.demo.showcase`` adds one student with every
record kind filled in, for the PDF tests, the README sample images and the PDF benchmark.
"""

from sync.demo.generator import BLOCK, DEFAULT_SEED, DemoGenerator, count_by_type, generate

__all__ = ["BLOCK", "DEFAULT_SEED", "DemoGenerator", "count_by_type", "generate"]
