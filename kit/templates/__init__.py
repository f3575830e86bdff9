"""Workshop templates: the YAML files that ship with the kit and the checker that reads them."""

from kit.templates.loader import (
    SUPPORTED_SCHEMA_VERSION,
    Problem,
    TemplateError,
    available_templates,
    check_file,
    copy_template,
    in_language,
    load_template,
    load_template_file,
    user_templates_dir,
)

__all__ = [
    "SUPPORTED_SCHEMA_VERSION",
    "Problem",
    "TemplateError",
    "available_templates",
    "check_file",
    "copy_template",
    "in_language",
    "load_template",
    "load_template_file",
    "user_templates_dir",
]
