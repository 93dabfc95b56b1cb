package cn.zhengji.similarity.web;

import java.util.List;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Until the similarity core's matches are wired in ({@code similarity.SimilarWorks}), no
 * entry has a match and the pages show no flag.
 */
@Configuration(proxyBeanMethods = false)
class PendingMatchSource {

	@Bean
	@ConditionalOnMissingBean(MatchSource.class)
	MatchSource noMatches() {
		return new MatchSource() {

			@Override
			public List<Match> matchesOf(long entryId) {
				return List.of();
			}

			@Override
			public Optional<byte[]> frame(long entryId, long otherEntryId, double atSeconds) {
				return Optional.empty();
			}
		};
	}

}
