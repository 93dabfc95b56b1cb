package cn.zhengji.infrastructure.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The size of the buffer Tomcat copies every response through on its way to the socket
 * ({@code socket.appWriteBufSize}): each {@code write} call to the socket sends at most
 * that much. Tomcat's 8 KiB made a large download cost one system call (and, on loopback,
 * the receiving side's TCP work and a wake-up of the client) per 8 KiB: the hand-off
 * package of 52 GB took 6.4 million of them, and the application a full core for 1.2 GB/s
 * (bench/handoff/run, docs/performance.md). At 64 KiB, as nginx's {@code output_buffers}
 * (2 × 32 KiB), it streams at 2.4–2.5 GB/s on less than half the CPU per byte; 256 KiB
 * was about 25 % faster still but would cost four times the memory on every open
 * connection. The buffer is a heap buffer ({@code socket.directBuffer} stays off): direct
 * buffers gained less and would live outside the heap limit.
 * <p>
 * Spring Boot has no property for it, hence this customizer.
 */
@Configuration(proxyBeanMethods = false)
class ConnectorTuning {

	/** The name of Tomcat's connector property. */
	static final String SOCKET_WRITE_BUFFER = "socket.appWriteBufSize";

	@Bean
	TomcatConnectorCustomizer socketWriteBuffer(
			@Value("${zhengji.http.socket-write-buffer}") DataSize socketWriteBuffer) {
		return connector -> connector.setProperty(SOCKET_WRITE_BUFFER, Long.toString(socketWriteBuffer.toBytes()));
	}

}
