package cn.zhengji.campaign.web;

import cn.zhengji.campaign.Declaration;

/** The words of one declaration; {@code textVersion} is the version the form showed. */
class DeclarationForm {

	private String title;

	private String body;

	private int textVersion;

	static DeclarationForm of(Declaration declaration) {
		DeclarationForm form = new DeclarationForm();
		form.title = declaration.title();
		form.body = declaration.body();
		form.textVersion = declaration.textVersion();
		return form;
	}

	public String getTitle() {
		return title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public String getBody() {
		return body;
	}

	public void setBody(String body) {
		this.body = body;
	}

	public int getTextVersion() {
		return textVersion;
	}

	public void setTextVersion(int textVersion) {
		this.textVersion = textVersion;
	}

}
