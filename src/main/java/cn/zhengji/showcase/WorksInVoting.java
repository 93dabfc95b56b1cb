package cn.zhengji.showcase;

import java.util.Set;

/**
 * Issue 13 item 4: the works the public can vote on now, which the showcase presents
 * beside the winners with the voting module's vote panel
 * ({@code /vote/works/{id}/panel}). The voting module implements it; without it no work
 * is in voting.
 */
public interface WorksInVoting {

	/** Ids of the campaign's entries open for votes at this instant. */
	Set<Long> entriesInVoting(long campaignId);

}
