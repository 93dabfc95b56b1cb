package cn.zhengji.campaign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import cn.zhengji.organisation.SeedOrder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Loads the shipped campaign definitions ({@code campaigns/*.yaml}) at every start,
 * campaigns that others feed first, then makes sure the demonstration campaign accepts
 * works (demo data only).
 */
@Component
@Order(SeedOrder.CAMPAIGNS)
class CampaignSeed implements ApplicationRunner {

	static final String LOCATION = "classpath*:campaigns/*.yaml";

	private final CampaignDefinitionLoader loader;

	private final DemoCampaign demoCampaign;

	private final CampaignJson json;

	private final boolean demoEnabled;

	CampaignSeed(CampaignDefinitionLoader loader, DemoCampaign demoCampaign, CampaignJson json,
			@Value("${zhengji.demo.enabled:true}") boolean demoEnabled) {
		this.loader = loader;
		this.demoCampaign = demoCampaign;
		this.json = json;
		this.demoEnabled = demoEnabled;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		record File(String source, String content, boolean feedsAnother) {
		}
		List<File> files = new ArrayList<>();
		for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
			String content = read(resource);
			files.add(new File("campaigns/" + resource.getFilename(), content,
					json.readDefinition(content).feeds() != null));
		}
		files.sort(Comparator.comparing(File::feedsAnother).thenComparing(File::source));
		for (File file : files) {
			loader.load(file.source(), file.content());
		}
		if (demoEnabled) {
			demoCampaign.ensure();
			demoCampaign.ensureResults();
		}
	}

	private static String read(Resource resource) {
		try {
			return resource.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
