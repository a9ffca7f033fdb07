"""The shared vocabulary at the bottom of artcharter.

Every room (``audits``, ``provenance``, ``charter``, ``reports``) and every door (the
public API, the command-line app, the jury desk) may import from here; nothing here
imports any of them. Keep it small: errors, messages and languages, number formatting,
atomic file writes, file hashing, device resolution.

``errors``, ``messages``, ``typography``, ``numbers`` (every figure a person reads),
``files`` (atomic writes), ``hashing`` (SHA-256), ``devices`` (which torch device),
``tomltext`` (TOML strings artcharter writes).
"""
