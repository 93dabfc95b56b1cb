package cn.zhengji.review;

import java.util.List;

import cn.zhengji.campaign.Campaigns;
import cn.zhengji.submission.ApprovedEntry;
import cn.zhengji.submission.Entries;
import org.springframework.stereotype.Component;

/**
 * Issue 13 item 4: the works a review round takes (its finalists, for a public vote on
 * them): the works the host approved for a first round, the works the round before put
 * forward (at its lock) for a later one. Not scoped to a viewer: the voting module shows
 * only works of an open vote.
 */
@Component
public class RoundFinalists {

	private final Campaigns campaigns;

	private final Entries entries;

	private final ResultRecords records;

	RoundFinalists(Campaigns campaigns, Entries entries, ResultRecords records) {
		this.campaigns = campaigns;
		this.entries = entries;
		this.records = records;
	}

	/** The entry ids of the round's works, in id order; none for an unknown round. */
	public List<Long> of(long roundId) {
		return campaigns.reviewRound(roundId)
			.map((round) -> round.first()
					? entries.approvedByHost(round.categoryId()).stream().map(ApprovedEntry::id).toList()
					: records.selected(roundId))
			.orElse(List.of());
	}

}
