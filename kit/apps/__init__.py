"""What each notebook builds. A notebook calls one function here and displays what it returns."""
