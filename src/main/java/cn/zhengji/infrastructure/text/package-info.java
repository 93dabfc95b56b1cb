/** Rules about text that every module applies the same way. */
package cn.zhengji.infrastructure.text;
