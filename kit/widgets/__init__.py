"""ipywidgets views. They show data and report clicks; they never touch the database."""
