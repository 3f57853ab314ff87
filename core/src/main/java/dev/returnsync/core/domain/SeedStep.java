package dev.returnsync.core.domain;

import java.util.List;

/**
 * The twelve rows of the seed document's two tables (文本1: the return flow, 文本2: the return-number sync),
 * each mapped to the commands that carry it out. Both tables start with the same two steps; the mapping
 * shows where they meet.
 */
public enum SeedStep {
    /** Return flow, row 1; a re-application after a decline submits the request again. */
    FLOW_1("文本1", 1, "客户提交退货申请", List.of(CommandType.SUBMIT_RETURN, CommandType.REAPPLY)),
    /** Return flow, row 2. */
    FLOW_2("文本1", 2, "代发商与供应商协商",
            List.of(CommandType.OPEN_NEGOTIATION, CommandType.AGREE_RETURN, CommandType.DECLINE_RETURN,
                    CommandType.OFFER_PARTIAL_REFUND, CommandType.ACCEPT_PARTIAL_REFUND,
                    CommandType.REJECT_PARTIAL_REFUND)),
    /** Return flow, row 3. */
    FLOW_3("文本1", 3, "代发商向供应商申请退货", List.of(CommandType.APPLY_FOR_RETURN)),
    /** Return flow, row 4. */
    FLOW_4("文本1", 4, "供应商确认退货并处理", List.of(CommandType.CONFIRM_RECEIPT)),
    /** Return flow, row 5. */
    FLOW_5("文本1", 5, "供应商向代发商确认退货处理结果", List.of(CommandType.REPORT_RESULT)),
    /** Return flow, row 6. */
    FLOW_6("文本1", 6, "代发商向客户确认退货处理结果", List.of(CommandType.REPORT_RESULT_TO_CUSTOMER)),
    /** Return flow, row 7. */
    FLOW_7("文本1", 7, "客户确认退货处理结果", List.of(CommandType.CONFIRM_RESULT, CommandType.DISPUTE_RESULT)),
    /** Return-number sync, row 1; a re-application after a decline submits the request again. */
    NUMBER_1("文本2", 1, "客户提交退货申请", List.of(CommandType.SUBMIT_RETURN, CommandType.REAPPLY)),
    /** Return-number sync, row 2. */
    NUMBER_2("文本2", 2, "代发商与供应商协商",
            List.of(CommandType.OPEN_NEGOTIATION, CommandType.AGREE_RETURN, CommandType.DECLINE_RETURN,
                    CommandType.OFFER_PARTIAL_REFUND, CommandType.ACCEPT_PARTIAL_REFUND,
                    CommandType.REJECT_PARTIAL_REFUND)),
    /** Return-number sync, row 3. */
    NUMBER_3("文本2", 3, "代发商向供应商申请退货单号", List.of(CommandType.APPLY_FOR_RETURN)),
    /** Return-number sync, row 4. */
    NUMBER_4("文本2", 4, "供应商提供退货单号",
            List.of(CommandType.ISSUE_SUPPLIER_NUMBER, CommandType.REPLACE_SUPPLIER_NUMBER)),
    /** Return-number sync, row 5. */
    NUMBER_5("文本2", 5, "代发商将退货单号告知客户", List.of(CommandType.SHARE_NUMBER_WITH_CUSTOMER));

    private final String table;
    private final int number;
    private final String text;
    private final List<CommandType> commands;

    SeedStep(String table, int number, String text, List<CommandType> commands) {
        this.table = table;
        this.number = number;
        this.text = text;
        this.commands = commands;
    }

    /** {@return the seed table: {@code 文本1} (return flow) or {@code 文本2} (return-number sync)} */
    public String table() {
        return table;
    }

    /** {@return the row number within its table, from 1} */
    public int number() {
        return number;
    }

    /** {@return the row's words, as the seed writes them} */
    public String text() {
        return text;
    }

    /** {@return the commands that carry the step out; the first is the happy path's} */
    public List<CommandType> commands() {
        return commands;
    }
}
