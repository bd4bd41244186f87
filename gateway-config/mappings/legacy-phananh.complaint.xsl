<?xml version="1.0" encoding="UTF-8"?>
<!--
  legacy-phananh's GuiPhanAnh request body → canonical Complaint as XML (urn:lienthong:schemas:v1,
  element names as in schemas/v1/complaint.schema.json). Values are copied as sent: normalization
  turns the dd/MM/yyyy date, the 11-digit phone number, the pre-2025 province code and the mojibake
  into canonical values; the gateway sets id, tracking code and source.
  XSLT 1.0 (the JDK's processor, secure processing on: no document(), no extensions).
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pa="urn:example:legacy-portal:phananh:1"
                xmlns="urn:lienthong:schemas:v1"
                exclude-result-prefixes="pa">
  <xsl:output method="xml" encoding="UTF-8"/>
  <xsl:param name="sourceId"/>

  <xsl:template match="/">
    <xsl:apply-templates select="(//pa:GuiPhanAnh)[1]"/>
  </xsl:template>

  <xsl:template match="pa:GuiPhanAnh">
    <complaint>
      <!-- GuiPhanAnh = "send feedback" (phản ánh) -->
      <kind>FEEDBACK</kind>
      <source>
        <recordId><xsl:value-of select="normalize-space(pa:SoHieu)"/></recordId>
      </source>
      <submittedAt><xsl:value-of select="normalize-space(pa:NgayGui)"/></submittedAt>
      <body><xsl:value-of select="pa:NoiDung"/></body>
      <location>
        <legacy>
          <provinceCode><xsl:value-of select="normalize-space(pa:MaTinh)"/></provinceCode>
        </legacy>
      </location>
      <reporter>
        <name><xsl:value-of select="normalize-space(pa:HoTen)"/></name>
        <phone><xsl:value-of select="normalize-space(pa:DienThoai)"/></phone>
      </reporter>
    </complaint>
  </xsl:template>
</xsl:stylesheet>
