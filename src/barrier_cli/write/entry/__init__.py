"""Shop-floor entry: adding records by prompts or by flags, both driven by the models.

``questions`` turns model fields into questions and parses answers, ``forms`` says which
fields each kind asks at entry, ``session`` runs the interactive dialogue over any prompter
(``terminal`` is the prompt_toolkit one), and ``add`` validates and writes the record.
"""
