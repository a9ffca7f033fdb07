"""Bias and stereotype probes: metrics, prompt audit, prompt sets, and the CLIP probe.

Pure modules (``metrics``, ``prompt_audit``, ``prompt_sets``, ``sentences``, ``reference``)
import nothing heavy; ``clip_probe`` imports torch and open_clip inside its functions only.
"""
