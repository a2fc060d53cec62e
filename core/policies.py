"""The slugs of the site's policy pages, which editors keep in the CMS."""

PRIVACY_POLICY_SLUG = "politica-de-tratamiento-de-datos"
