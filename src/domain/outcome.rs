//! What a delegation's visit came to: the kinds of outcome and how far each has got.

use super::name::vocabulary;

vocabulary!(
    /// The kind of an outcome, as reports name it in English, Korean or Chinese.
    OutcomeKind, "vocabulary-outcome-kind", {
        Mou => "MOU" ["memorandum", "memorandum of understanding", "양해각서", "업무협약", "협약서", "업무협약(MOU)", "MOU(업무협약)", "양해각서(MOU)", "备忘录", "谅解备忘录", "合作备忘录"],
        Agreement => "agreement" ["framework agreement", "cooperation agreement", "협약", "협정", "합의서", "투자협약", "투자 협약", "협약(MOU)", "协议", "投资协议", "合作协议", "框架协议"],
        Pledge => "investment pledge" ["pledge", "investment", "투자 약속", "투자 유치", "투자 의향", "투자의향서", "투자 의향서", "의향서", "投资承诺", "投资意向书", "投资意向", "投资"],
        Contract => "contract" ["deal", "계약", "계약서", "수주", "구매계약", "合同", "签约", "订单"],
        SisterCity => "sister-city" ["sister city", "sister cities", "friendship city", "twin city", "자매결연", "자매도시", "우호도시", "우호협력", "友好城市", "姐妹城市", "友好省州"],
        Other => "other" ["기타", "其他"],
    }
);

vocabulary!(
    /// How far an outcome has got: announced, then signed, under way, done (realized), or
    /// called off.
    OutcomeStatus, "vocabulary-outcome-status", {
        Announced => "announced" ["announce", "planned", "발표", "추진 발표", "宣布", "公布"],
        Signed => "signed" ["sign", "체결", "서명", "签署", "已签署"],
        InProgress => "in progress" ["ongoing", "under way", "underway", "진행 중", "추진 중", "이행 중", "进行中", "推进中", "实施中"],
        Realized => "realized" ["realised", "completed", "done", "delivered", "완료", "이행 완료", "실현", "完成", "落实", "实现"],
        Cancelled => "cancelled" ["canceled", "called off", "취소", "무산", "取消", "终止"],
    }
);

impl OutcomeStatus {
    /// Whether the outcome's amount still counts as pledged: anything not called off.
    pub fn pledges(self) -> bool {
        self != OutcomeStatus::Cancelled
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_statuses_read_every_language() {
        for (typed, kind) in [
            ("mou", OutcomeKind::Mou),
            ("양해각서", OutcomeKind::Mou),
            ("업무협약", OutcomeKind::Mou),
            ("谅解备忘录", OutcomeKind::Mou),
            ("备忘录", OutcomeKind::Mou),
            ("협정", OutcomeKind::Agreement),
            ("合作协议", OutcomeKind::Agreement),
            ("投资承诺", OutcomeKind::Pledge),
            ("투자 약속", OutcomeKind::Pledge),
            ("Investment Pledge", OutcomeKind::Pledge),
            ("签约", OutcomeKind::Contract),
            ("계약", OutcomeKind::Contract),
            ("sister city", OutcomeKind::SisterCity),
            ("Sister-City", OutcomeKind::SisterCity),
            ("자매결연", OutcomeKind::SisterCity),
            ("友好城市", OutcomeKind::SisterCity),
            ("姐妹城市", OutcomeKind::SisterCity),
        ] {
            assert_eq!(OutcomeKind::parse(typed).unwrap(), kind, "{typed}");
        }
        assert_eq!(
            OutcomeStatus::parse("In-Progress").unwrap(),
            OutcomeStatus::InProgress
        );
        assert_eq!(
            OutcomeStatus::parse("canceled").unwrap(),
            OutcomeStatus::Cancelled
        );
        assert_eq!(OutcomeStatus::parse("체결").unwrap(), OutcomeStatus::Signed);
        let err = OutcomeKind::parse("treaty").unwrap_err();
        assert!(
            err.to_string()
                .contains("MOU, agreement, investment pledge"),
            "{err}"
        );
        // An input of nothing but punctuation names nothing.
        assert!(OutcomeKind::parse("-").is_err());
    }

    #[test]
    fn every_label_reads_back_as_itself() {
        // An alias of one value equal to another's label would take it over here.
        for k in OutcomeKind::ALL {
            assert_eq!(OutcomeKind::parse(k.label()).unwrap(), *k);
        }
        for s in OutcomeStatus::ALL {
            assert_eq!(OutcomeStatus::parse(s.label()).unwrap(), *s);
        }
    }
}
