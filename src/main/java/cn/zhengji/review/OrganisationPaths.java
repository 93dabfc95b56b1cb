package cn.zhengji.review;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Materialized organisation paths ({@code /1/14/40/}) interned to small numbers with the
 * numbers of their ancestors, so that "is this unit on that unit's chain" is a scan of at
 * most the tree's depth instead of string work per pair.
 */
final class OrganisationPaths {

	private final Map<String, Integer> ids = new HashMap<>();

	/** Per path number: its ancestors' numbers and its own, root first. */
	private final List<int[]> ancestorsOrSelf = new ArrayList<>();

	/** The host and the units above it, or none. */
	private final int[] hostAndAbove;

	OrganisationPaths(String hostPath) {
		this.hostAndAbove = (hostPath != null) ? this.ancestorsOrSelf.get(intern(hostPath)) : new int[0];
	}

	int intern(String path) {
		Integer id = this.ids.get(path);
		if (id != null) {
			return id;
		}
		if (path.length() < 3 || path.charAt(0) != '/' || path.charAt(path.length() - 1) != '/'
				|| path.contains("//")) {
			throw new IllegalArgumentException("not an organisation path: " + path);
		}
		int cut = path.lastIndexOf('/', path.length() - 2);
		int[] parentChain = (cut == 0) ? new int[0] : this.ancestorsOrSelf.get(intern(path.substring(0, cut + 1)));
		int[] chain = new int[parentChain.length + 1];
		System.arraycopy(parentChain, 0, chain, 0, parentChain.length);
		int newId = this.ancestorsOrSelf.size();
		chain[parentChain.length] = newId;
		this.ancestorsOrSelf.add(chain);
		this.ids.put(path, newId);
		return newId;
	}

	/**
	 * Whether an expert of unit {@code expert} has a conflict on a work of unit
	 * {@code submitter}: the same unit, an ancestor below the host, or a descendant.
	 */
	boolean onChain(int expert, int submitter) {
		if (expert == submitter) {
			return true;
		}
		if (contains(this.ancestorsOrSelf.get(submitter), expert)) {
			return !contains(this.hostAndAbove, expert);
		}
		return contains(this.ancestorsOrSelf.get(expert), submitter);
	}

	private static boolean contains(int[] values, int value) {
		for (int candidate : values) {
			if (candidate == value) {
				return true;
			}
		}
		return false;
	}

}
