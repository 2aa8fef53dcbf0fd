"""Letters: their content, rendering from Word templates, coordinated drafting, profiles, PDF copies."""
