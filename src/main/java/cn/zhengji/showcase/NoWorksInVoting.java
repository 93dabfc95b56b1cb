package cn.zhengji.showcase;

import java.util.Set;

import org.springframework.context.annotation.Fallback;
import org.springframework.stereotype.Component;

/** Without a voting module no work is in voting. */
@Component
@Fallback
class NoWorksInVoting implements WorksInVoting {

	@Override
	public Set<Long> entriesInVoting(long campaignId) {
		return Set.of();
	}

}
