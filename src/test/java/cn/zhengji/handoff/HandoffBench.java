package cn.zhengji.handoff;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.Category;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.submission.EntryState;
import cn.zhengji.submission.HandoffEntries;
import com.sun.net.httpserver.HttpServer;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Issue 14 item 6, run by {@code bench/handoff/run}: serves one sub-project's package of
 * every file in a folder (one work per file) over HTTP on 127.0.0.1 with the platform's
 * {@link PackageWriter} (manifest + STORED entries) and prints the port, then waits for
 * "quit" on standard input; at the end prints the peak heap used.
 */
public final class HandoffBench {

	private HandoffBench() {
	}

	public static void main(String[] args) throws Exception {
		Path folder = Path.of(args[0]);
		List<Path> files;
		try (Stream<Path> listed = Files.list(folder)) {
			files = listed.sorted().toList();
		}
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("messages-handoff");
		messages.setDefaultEncoding("UTF-8");
		Texts texts = new Texts(messages);
		PackageWriter writer = new PackageWriter(new Manifest(texts));
		Campaign campaign = new Campaign(1, "bench", "基准活动", "基准", 2024, null, 1, "fj", "福建省总工会", "/1/2/", null,
				ZoneId.of("Asia/Shanghai"), null, null, null, null, null, null, null, false, false, 0, List.of());
		Category sub = new Category(2, 2, "micro-video", "网络正能量微视频征集", "微视频", "陕西省总工会", null, null, 1, false, 0, false,
				0, false, 0);
		List<Handoffs.PackageWork> works = new ArrayList<>();
		int number = 0;
		for (Path file : files) {
			number++;
			HandoffEntries.Work work = new HandoffEntries.Work(number, 1, 3, "作品" + number, EntryState.AWARD_FINAL,
					"作者" + number, 9, "/1/2/9/", "演示单位");
			Handoffs.Candidate candidate = new Handoffs.Candidate(work, "网络正能量微视频征集", "一等奖", 1, sub, "",
					Handoffs.Origin.RANKING);
			works.add(new Handoffs.PackageWork(number, candidate, "中华全国总工会 / 福建省总工会 / 演示单位",
					String.format("%03d-%s", number, work.title()),
					List.of(new Handoffs.PackageFile(file.getFileName().toString(), Files.size(file), "0".repeat(64),
							file, null))));
		}
		Handoffs.PackagePlan plan = new Handoffs.PackagePlan(campaign, sub, works);
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/package.zip", exchange -> {
			exchange.getResponseHeaders().add("Content-Type", "application/zip");
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream out = exchange.getResponseBody()) {
				writer.write(plan, id -> new byte[0], out);
			}
		});
		server.start();
		// the script reads the port and the peak from standard output (not a log)
		java.io.PrintStream report = new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out),
				true, java.nio.charset.StandardCharsets.UTF_8);
		report.println(server.getAddress().getPort());
		new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine();
		server.stop(0);
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		report.println("peak-heap-mb " + peak / (1024 * 1024));
	}

}
