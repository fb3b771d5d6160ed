package dev.provenant.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The built-in name rules guess the categories DESIGN.md lists and leave ordinary columns alone. */
class NameRulesTest {

    private static final NameRules RULES = NameRules.load(Optional.empty());

    @Test
    void namesAreNormalisedToWords() {
        assertThat(NameRules.normalise("customerEmail")).isEqualTo("customer_email");
        assertThat(NameRules.normalise("address.PostCode")).isEqualTo("post_code");
        assertThat(NameRules.normalise("E-Mail")).isEqualTo("e_mail");
        assertThat(NameRules.normalise("SSN")).isEqualTo("ssn");
        assertThat(NameRules.normalise("IPAddress")).isEqualTo("ip_address");
    }

    @Test
    void personalColumnsGetTheirCategory() {
        assertThat(RULES.categoryOf("email")).contains("EMAIL");
        assertThat(RULES.categoryOf("email_hash")).as("a guess; lineage decides where it exists").contains("EMAIL");
        assertThat(RULES.categoryOf("emailAddress")).contains("EMAIL");
        assertThat(RULES.categoryOf("CustomerName")).contains("NAME");
        assertThat(RULES.categoryOf("first_name")).contains("NAME");
        assertThat(RULES.categoryOf("surname")).contains("NAME");
        assertThat(RULES.categoryOf("phone_number")).contains("PHONE");
        assertThat(RULES.categoryOf("mobile")).contains("PHONE");
        assertThat(RULES.categoryOf("ssn")).contains("NATIONAL_ID");
        assertThat(RULES.categoryOf("passport_no")).contains("NATIONAL_ID");
        assertThat(RULES.categoryOf("street_address")).contains("ADDRESS");
        assertThat(RULES.categoryOf("postcode")).contains("ADDRESS");
        assertThat(RULES.categoryOf("zip_code")).contains("ADDRESS");
        assertThat(RULES.categoryOf("date_of_birth")).contains("DATE_OF_BIRTH");
        assertThat(RULES.categoryOf("dob")).contains("DATE_OF_BIRTH");
        assertThat(RULES.categoryOf("client_ip")).contains("IP_ADDRESS");
        assertThat(RULES.categoryOf("ip_address")).as("not an ADDRESS").contains("IP_ADDRESS");
        assertThat(RULES.categoryOf("iban")).contains("FINANCIAL");
        assertThat(RULES.categoryOf("credit_card_number")).contains("FINANCIAL");
        assertThat(RULES.categoryOf("diagnosis")).contains("HEALTH");
        assertThat(RULES.categoryOf("patient.medication")).contains("HEALTH");
        assertThat(RULES.categoryOf("religion")).contains("SPECIAL_CATEGORY");
    }

    @Test
    void ordinaryColumnsAreNotGuessed() {
        for (String column : new String[] {"productName", "name", "order_id", "customerID", "zipper", "shipping",
                "price", "quantity", "tip", "description", "created_at"}) {
            assertThat(RULES.categoryOf(column)).as(column).isEmpty();
        }
    }

    @Test
    void aRulesFileReplacesTheDefaultsAndBadLinesAreNamed() {
        NameRules custom = NameRules.parse("# comment\nloyalty  (.*_)?loyalty_card(_.*)?\n", "test");
        assertThat(custom.categoryOf("loyalty_card_no")).contains("LOYALTY");
        assertThat(custom.categoryOf("email")).isEmpty();
        assertThatThrownBy(() -> NameRules.parse("EMAIL\n", "rules.txt")).hasMessageContaining("rules.txt line 1");
        assertThatThrownBy(() -> NameRules.parse("EMAIL ([\n", "rules.txt")).hasMessageContaining("line 1");
    }
}
