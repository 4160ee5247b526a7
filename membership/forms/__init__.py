"""Forms of membership, one module per screen; they call `rules` and `services`, never restate a rule.

Import the module you need (`from membership.forms.organisation import OrganisationForm`): this package
re-exports nothing, so `models` may import the calculator without loading the services.
"""
