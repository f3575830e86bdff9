"""Workshop templates: the YAML files that ship with the kit and the checker that reads them."""

from kit.templates.loader import (
    SUPPORTED_SCHEMA_VERSION,
    Problem,
    TemplateError,
    available_templates,
    check_file,
    load_template,
    load_template_file,
)

__all__ = [
    "SUPPORTED_SCHEMA_VERSION",
    "Problem",
    "TemplateError",
    "available_templates",
    "check_file",
    "load_template",
    "load_template_file",
]
