package cn.zhengji.nomination;

import org.springframework.stereotype.Service;

/** R-NOM-3 The filled form in the layout of 附件4, with the photo, the three opinion boxes and a Chinese font embedded. */
@Service
public class NominationDocuments {

	public byte[] pdf(NominationSheet sheet) {
		throw new UnsupportedOperationException("issue 3: nomination module being built");
	}

	/** A .docx file. */
	public byte[] word(NominationSheet sheet) {
		throw new UnsupportedOperationException("issue 3: nomination module being built");
	}
}
