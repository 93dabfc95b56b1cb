package cn.zhengji.support;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Puts a {@link QueryCounter} between the application and its database: every
 * {@link DataSource} bean is wrapped in a datasource-proxy that reports each executed
 * statement to the counter. Part of {@link ZhengjiTest}, so every test on the shared
 * context can ask how many statements a page costs.
 */
@TestConfiguration(proxyBeanMethods = false)
public class QueryCounting {

	@Bean
	static QueryCounter queryCounter() {
		return new QueryCounter();
	}

	@Bean
	static BeanPostProcessor queryCountingDataSource(QueryCounter counter) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)) {
					return ProxyDataSourceBuilder.create(dataSource).name(beanName).listener(counter).build();
				}
				return bean;
			}
		};
	}

}
