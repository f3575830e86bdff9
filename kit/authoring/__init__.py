"""Workshop templates: the YAML files that ship with the kit and the checker that reads them."""

from kit.authoring.loader import (
    SCHEMA_PATH,
    SUPPORTED_SCHEMA_VERSION,
    Problem,
    TemplateError,
    available_templates,
    check_file,
    copy_template,
    in_language,
    load_template,
    load_template_file,
    question_history,
    schema,
    user_templates_dir,
)

__all__ = [
    "SCHEMA_PATH",
    "SUPPORTED_SCHEMA_VERSION",
    "Problem",
    "TemplateError",
    "available_templates",
    "check_file",
    "copy_template",
    "in_language",
    "load_template",
    "load_template_file",
    "question_history",
    "schema",
    "user_templates_dir",
]
