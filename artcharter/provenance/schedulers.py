"""Scheduler (sampler) names: what an artist types, the diffusers class it means, and the
name AUTOMATIC1111's web UI gives the same sampler.

Pure data and lookups; swapping the scheduler of a loaded pipeline happens in
artcharter.provenance.generate.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from artcharter.base.errors import BadInput
from artcharter.provenance.messages import MESSAGES


@dataclass(frozen=True)
class SchedulerChoice:
    """A diffusers scheduler class with the config changes that make it a named sampler."""

    class_name: str
    overrides: dict[str, Any] = field(default_factory=dict)


# The names artists meet in AUTOMATIC1111, ComfyUI and tutorials, lower-case.
ALIASES: dict[str, SchedulerChoice] = {
    "euler": SchedulerChoice("EulerDiscreteScheduler"),
    "euler-a": SchedulerChoice("EulerAncestralDiscreteScheduler"),
    "ddim": SchedulerChoice("DDIMScheduler"),
    "plms": SchedulerChoice("PNDMScheduler"),
    "pndm": SchedulerChoice("PNDMScheduler"),
    "lms": SchedulerChoice("LMSDiscreteScheduler"),
    "heun": SchedulerChoice("HeunDiscreteScheduler"),
    "dpm2": SchedulerChoice("KDPM2DiscreteScheduler"),
    "dpm2-a": SchedulerChoice("KDPM2AncestralDiscreteScheduler"),
    "dpm++2m": SchedulerChoice("DPMSolverMultistepScheduler"),
    "dpm++2m-karras": SchedulerChoice("DPMSolverMultistepScheduler", {"use_karras_sigmas": True}),
    "dpm++sde": SchedulerChoice("DPMSolverSDEScheduler"),
    "unipc": SchedulerChoice("UniPCMultistepScheduler"),
    "deis": SchedulerChoice("DEISMultistepScheduler"),
    "lcm": SchedulerChoice("LCMScheduler"),
}

# diffusers class -> AUTOMATIC1111 sampler name (its "Sampler:" field).
A1111_SAMPLERS = {
    "EulerDiscreteScheduler": "Euler",
    "EulerAncestralDiscreteScheduler": "Euler a",
    "DDIMScheduler": "DDIM",
    "PNDMScheduler": "PLMS",
    "LMSDiscreteScheduler": "LMS",
    "HeunDiscreteScheduler": "Heun",
    "KDPM2DiscreteScheduler": "DPM2",
    "KDPM2AncestralDiscreteScheduler": "DPM2 a",
    "DPMSolverMultistepScheduler": "DPM++ 2M",
    "DPMSolverSDEScheduler": "DPM++ SDE",
    "UniPCMultistepScheduler": "UniPC",
    "DEISMultistepScheduler": "DEIS",
    "LCMScheduler": "LCM",
}


def resolve(name: str) -> SchedulerChoice:
    """An alias (``euler-a``, ``dpm++2m-karras``...) or a diffusers scheduler class name."""
    key = name.strip().lower().replace("_", "-").replace(" ", "-")
    if key in ALIASES:
        return ALIASES[key]
    stripped = name.strip()
    if stripped.endswith("Scheduler") and stripped.isidentifier():
        return SchedulerChoice(stripped)
    raise BadInput(MESSAGES("schedulers.unknown", name=name, choices=", ".join(ALIASES)))


def a1111_sampler(class_name: str | None, config: dict[str, Any] | None = None) -> str | None:
    """The name AUTOMATIC1111 shows for this scheduler (its class name when it has none)."""
    if not class_name:
        return None
    name = A1111_SAMPLERS.get(class_name, class_name)
    if config and config.get("use_karras_sigmas"):
        name += " Karras"
    return name
