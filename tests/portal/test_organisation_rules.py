"""The organisation sheet's rules hold on every path that validates it (extranet sheet, application, import)."""

import pytest
from django.core.exceptions import ValidationError

from portal.organisations import rules
from tests.portal.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


class TestHrContact:
    def test_an_active_colleague_may_receive_the_messages(self):
        organisation = OrganisationFactory(company=True)
        organisation.hr_contact = UserFactory(organisation=organisation)
        organisation.full_clean()

    def test_a_user_of_another_organisation_is_refused(self):
        organisation = OrganisationFactory(company=True)
        organisation.hr_contact = UserFactory(organisation=OrganisationFactory(company=True))
        with pytest.raises(ValidationError) as error:
            organisation.full_clean()
        assert error.value.message_dict["hr_contact"] == [rules.HR_CONTACT_NOT_A_COLLEAGUE]

    def test_an_inactive_colleague_is_refused(self):
        organisation = OrganisationFactory(company=True)
        organisation.hr_contact = UserFactory(organisation=organisation, inactive=True)
        with pytest.raises(ValidationError) as error:
            organisation.full_clean()
        assert "hr_contact" in error.value.message_dict


class TestAffiliation:
    def test_a_professional_body_is_accepted(self):
        organisation = OrganisationFactory(company=True, affiliation=OrganisationFactory(professional_body=True))
        organisation.full_clean()

    def test_a_company_is_not_a_professional_body(self):
        organisation = OrganisationFactory(company=True, affiliation=OrganisationFactory(company=True))
        with pytest.raises(ValidationError) as error:
            organisation.full_clean()
        assert rules.AFFILIATION_NOT_A_PROFESSIONAL_BODY in error.value.message_dict["affiliation"]

    def test_a_body_is_not_affiliated_to_itself(self):
        body = OrganisationFactory(professional_body=True)
        body.affiliation = body
        with pytest.raises(ValidationError) as error:
            body.full_clean()
        assert error.value.message_dict["affiliation"] == [rules.AFFILIATION_TO_ITSELF]
