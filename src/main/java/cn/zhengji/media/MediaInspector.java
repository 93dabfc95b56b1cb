package cn.zhengji.media;

import java.nio.file.Path;
import java.util.List;

import cn.zhengji.campaign.CategoryRules.AttachmentSlot;
import cn.zhengji.campaign.CategoryRules.TextField;
import org.springframework.stereotype.Service;

/** R-SUB-3 Checks by content, never by file name. */
@Service
public class MediaInspector {

	/** Checks one stored file against the slot it is attached to. Never throws for bad content. */
	public Inspection inspect(Path content, AttachmentSlot slot) {
		throw new UnsupportedOperationException("issue 3: media module being built");
	}

	/** Checks a text against its field's limit (a Chinese character counts as one). */
	public List<Finding> checkText(String text, TextField field) {
		throw new UnsupportedOperationException("issue 3: media module being built");
	}

	/** Checks how many files a slot holds against its minimum and maximum. */
	public List<Finding> checkCount(int count, AttachmentSlot slot) {
		throw new UnsupportedOperationException("issue 3: media module being built");
	}
}
