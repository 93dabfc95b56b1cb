package cn.zhengji;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ZhengjiApplication {

	public static void main(String[] args) {
		SpringApplication.run(ZhengjiApplication.class, args);
	}

}
