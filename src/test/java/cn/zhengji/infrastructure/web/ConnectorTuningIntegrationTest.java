package cn.zhengji.infrastructure.web;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running server's connector copies responses to the socket through 64 KiB, not
 * Tomcat's 8 KiB (the hand-off package's speed depends on it: docs/performance.md).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ConnectorTuningIntegrationTest {

	@Autowired
	WebServerApplicationContext context;

	@Test
	void theConnectorWritesToTheSocketThrough64KiB() {
		Connector connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
		assertThat(connector.getProperty(ConnectorTuning.SOCKET_WRITE_BUFFER)).hasToString("65536");
	}

}
