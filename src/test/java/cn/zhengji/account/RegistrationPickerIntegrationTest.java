package cn.zhengji.account;

import java.util.Objects;

import cn.zhengji.audit.AuditLog;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.support.ZhengjiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@ZhengjiTest
class RegistrationPickerIntegrationTest {

	@Autowired
	Registration registration;

	@Autowired
	OneTimeCodes codes;

	@Autowired
	CodeDelivery delivery;

	@Autowired
	AccountRecords records;

	@Autowired
	Organisations organisations;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	AuditLog audit;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	cn.zhengji.infrastructure.Texts texts;

	@Test
	void pickerOffersDemoOrganisationsOnlyWhileDemoDataIsEnabled() {
		Registration withoutDemo = new Registration(codes, delivery, records, organisations, passwordEncoder, audit,
				transactions, false, texts);
		long fuzhou = organisations.getByCode("fj-fuzhou").id();

		assertThat(registration.choicesBelow(fuzhou)).extracting(Organisation::code).contains("demo-county");
		assertThat(withoutDemo.choicesBelow(fuzhou)).extracting(Organisation::code).doesNotContain("demo-county");
		// Other test classes add uncoded units under the province in the shared database:
		// the seeded ones have codes.
		assertThat(withoutDemo.choicesBelow(organisations.getByCode("fj").id())).extracting(Organisation::code)
			.filteredOn(Objects::nonNull)
			.containsExactly("fj-fuzhou", "fj-xiamen", "fj-zhangzhou", "fj-quanzhou", "fj-sanming", "fj-putian",
					"fj-nanping", "fj-longyan", "fj-ningde", "fj-pingtan", "fj-organs", "fj-industry",
					"fj-direct-enterprise");
	}

}
