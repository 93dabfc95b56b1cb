package cn.zhengji.organisation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Loads the shipped organisation tree ({@code seed/organisation-tree.yaml}) and, with
 * demo data on, the demonstration organisations ({@code seed/demo-organisations.yaml}) at
 * every start. An organisation is identified by its code: one that exists is left
 * untouched, so a second start changes nothing and admins' renames survive.
 */
@Component
@Order(SeedOrder.ORGANISATIONS)
class OrganisationTreeSeed implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(OrganisationTreeSeed.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final boolean demoEnabled;

	OrganisationTreeSeed(JdbcClient jdbc, TransactionTemplate transactions,
			@Value("${zhengji.demo.enabled:true}") boolean demoEnabled) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.demoEnabled = demoEnabled;
	}

	@Override
	public void run(ApplicationArguments args) {
		int added = transactions.execute(status -> {
			int count = insertTree(read("seed/organisation-tree.yaml"), null, false);
			if (demoEnabled) {
				for (SeedNode demoRoot : readList("seed/demo-organisations.yaml")) {
					long parentId = jdbc.sql("select id from organisation where code = ?")
						.param(demoRoot.parentCode())
						.query(Long.class)
						.single();
					count += insertTree(demoRoot, parentId, true);
				}
			}
			return count;
		});
		if (added > 0) {
			log.info("Organisation tree: {} organisations added from the seed", added);
		}
	}

	private int insertTree(SeedNode node, Long parentId, boolean demo) {
		int inserted = jdbc.sql("""
				insert into organisation (parent_id, code, name, short_name, kind, sort_order, demo)
				values (:parent, :code, :name, :shortName, :kind, :sortOrder, :demo)
				on conflict (code) do nothing
				""")
			.param("parent", parentId)
			.param("code", node.code())
			.param("name", node.name())
			.param("shortName", node.shortName())
			.param("kind", node.kind().name())
			.param("sortOrder", node.sortOrder())
			.param("demo", demo)
			.update();
		long id = jdbc.sql("select id from organisation where code = ?").param(node.code()).query(Long.class).single();
		for (SeedNode child : node.children()) {
			inserted += insertTree(child, id, demo);
		}
		return inserted;
	}

	private static SeedNode read(String resource) {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			return new YAMLMapper().readValue(in, SeedNode.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<SeedNode> readList(String resource) {
		try (InputStream in = new ClassPathResource(resource).getInputStream()) {
			return List.of(new YAMLMapper().readValue(in, SeedNode[].class));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record SeedNode(String code, String parentCode, String name, String shortName, OrganisationKind kind,
			Integer sortOrder, List<SeedNode> children) {

		SeedNode {
			children = children == null ? List.of() : children;
			sortOrder = sortOrder == null ? 0 : sortOrder;
		}
	}

}
